package ca.gc.microacquisition.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;

/** Reading values for the audit views: engine dates and database columns, as UTC times and ids. */
final class AuditRows {

    /** The BPMN process whose history the audit views read. */
    static final String PROCESS_KEY = "MicroProcurement";

    /**
     * The prefix of the engine's table names ("" when none), for SQL that joins the history to the service's
     * tables (ManagementService.getTableName would want an administrator).
     */
    static String engineTablePrefix(org.camunda.bpm.engine.ProcessEngine engine) {
        String prefix = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                        engine.getProcessEngineConfiguration())
                .getDatabaseTablePrefix();
        return prefix == null ? "" : prefix;
    }

    private AuditRows() {}

    static OffsetDateTime utc(Date date) {
        return date == null ? null : OffsetDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC);
    }

    static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : value instanceof UUID u ? u : UUID.fromString(value.toString());
    }
}
