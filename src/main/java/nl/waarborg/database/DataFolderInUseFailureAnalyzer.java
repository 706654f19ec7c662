package nl.waarborg.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns "folder in use" into Spring Boot's short start-up failure report instead of a stack trace. */
class DataFolderInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataFolder.DataFolderInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, DataFolder.DataFolderInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the other Waarborg, or give this one its own folder with `waarborg serve --data DIR`.", cause);
    }
}
