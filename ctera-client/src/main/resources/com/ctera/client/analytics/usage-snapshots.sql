-- Usage snapshots of the analytics (JdbcUsageSnapshotStore). Portable SQL: runs on H2 and PostgreSQL.
-- Folder names repeat across owners (every user has "My Files"), so the owner is part of the key; '' when unknown.
CREATE TABLE IF NOT EXISTS ctera_usage_snapshot (
    portal VARCHAR(200) NOT NULL,
    taken_at TIMESTAMP WITH TIME ZONE NOT NULL,
    tenant VARCHAR(200) NOT NULL,
    cloud_folder VARCHAR(500) NOT NULL,
    owner_name VARCHAR(200) NOT NULL,
    used_bytes BIGINT NOT NULL,
    quota_bytes BIGINT,
    file_count BIGINT,
    PRIMARY KEY (portal, taken_at, tenant, cloud_folder, owner_name)
);
