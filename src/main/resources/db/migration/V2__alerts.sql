-- Alerts (issue 12): one row per alert, from opened to resolved; times in epoch ms like the rest of the schema.
-- One script for H2 and PostgreSQL. room_id is NULL for a site-wide alert (a whole site silent).
-- At most one unresolved alert per site, room and rule: the engine keeps that, the index finds them at start.
CREATE TABLE alert (
    id           BIGINT NOT NULL PRIMARY KEY,
    rule         VARCHAR(32) NOT NULL,
    site_id      VARCHAR(64) NOT NULL,
    room_id      VARCHAR(128),
    state        VARCHAR(16) NOT NULL,
    opened_at    BIGINT NOT NULL,
    since_at     BIGINT NOT NULL,
    escalated_at BIGINT,
    acked_at     BIGINT,
    acked_by     VARCHAR(128),
    ack_comment  VARCHAR(1000),
    resolved_at  BIGINT,
    value_num    DOUBLE PRECISION,
    reminded_at  BIGINT
);
CREATE INDEX alert_open_ix ON alert (resolved_at, site_id);
