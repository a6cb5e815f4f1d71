-- Training jobs: one row per job, the per-epoch history and the request as JSON text.
-- Portable between H2 (MODE=PostgreSQL) and PostgreSQL.
create table training_job (
    id                 varchar(36)  primary key,
    state              varchar(16)  not null,
    task               varchar(32)  not null,
    model_name         varchar(64)  not null,
    request            text         not null,
    device             varchar(32),
    epoch              integer      not null default 0,
    epochs             integer      not null,
    history            text         not null,
    samples_per_second double precision,
    result_version     integer,
    promoted           boolean,
    report             text,
    failure_reason     varchar(4000),
    attempts           integer      not null default 0,
    created_at         timestamp with time zone not null,
    started_at         timestamp with time zone,
    finished_at        timestamp with time zone
);

create index training_job_state_created on training_job (state, created_at);
