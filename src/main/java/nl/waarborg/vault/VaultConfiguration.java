package nl.waarborg.vault;

import java.nio.file.Path;
import nl.waarborg.database.KeyDatabase;
import nl.waarborg.vault.crypto.BlindIndex;
import nl.waarborg.vault.crypto.LocalMasterKey;
import nl.waarborg.vault.crypto.MasterKey;
import nl.waarborg.vault.crypto.SubjectKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The vault's key material: the master key (a local key file unless another {@link MasterKey} bean is given,
 * e.g. one backed by a KMS), the blind-index key (wrapped by the master key, beside it) and the store of the
 * subjects' wrapped data keys (a database of its own).
 */
@Configuration(proxyBeanMethods = false)
class VaultConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VaultConfiguration.class);

    @Bean
    MasterKey masterKey(@Value("${waarborg.keys.master-key-file:${waarborg.data-dir:data}/keys/master-key.json}") Path file) {
        LocalMasterKey key = LocalMasterKey.openOrCreate(file);
        log.info("Master key: {}", key.description());
        return key;
    }

    @Bean
    SubjectKeys subjectKeys(MasterKey master) {
        return new SubjectKeys(master);
    }

    @Bean
    BlindIndex blindIndex(MasterKey master,
                          @Value("${waarborg.keys.blind-index-file:${waarborg.data-dir:data}/keys/blind-index-key.json}") Path file) {
        return BlindIndex.openOrCreate(file, master);
    }

    @Bean(destroyMethod = "close")
    PostgresSubjectKeyStore subjectKeyStore(KeyDatabase database) {
        PostgresSubjectKeyStore store = new PostgresSubjectKeyStore(database);
        log.info("Subject data keys: {}", store.description());
        return store;
    }
}
