-- The self-storage example's CRM (examples/self-storage.yaml, system `crm`): the organisation's own tables that
-- Waarborg's jdbc connector reaches (docs/systems.md, "JDBC"). PostgreSQL; the tests run a MariaDB variant of it
-- (src/test/resources/nl/waarborg/systems/jdbc/crm-mariadb.sql). Personal columns may be NULL: `erase: nullify`.
CREATE TABLE customers (
    id                  bigint PRIMARY KEY,
    first_name          varchar(100),
    last_name           varchar(100),
    email               varchar(200),
    phone               varchar(40),
    birth_date          date,
    id_document         varchar(40),
    company             varchar(200),
    billing_address     varchar(300),
    iban                varchar(34),
    created_at          timestamptz NOT NULL,
    contract_end        date,
    complaint_closed_at timestamptz,
    status              varchar(20) NOT NULL DEFAULT 'active' -- prospect (a lead), active or former (a customer)
);
CREATE INDEX customers_email ON customers (lower(email));

CREATE TABLE rentals (
    id          bigint PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    unit        varchar(20),
    location    varchar(100),
    starts_on   date,
    ends_on     date,
    created_at  timestamptz NOT NULL
);
CREATE INDEX rentals_customer ON rentals (customer_id);

CREATE TABLE invoices (
    id           bigint PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES customers (id),
    number       varchar(20) NOT NULL,
    amount       numeric(10, 2),
    invoice_date date NOT NULL
);
CREATE INDEX invoices_customer ON invoices (customer_id);

CREATE TABLE call_logs (
    id               bigint PRIMARY KEY,
    customer_id      bigint NOT NULL REFERENCES customers (id),
    started_at       timestamptz NOT NULL,
    duration_seconds integer
);
CREATE INDEX call_logs_customer ON call_logs (customer_id);
