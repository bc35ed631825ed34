package ca.gc.microacquisition.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code rule_change} table. Written from inside the engine's deployment command: the JDBC template takes part
 * in the same transaction, so a refused or failed deployment leaves no record.
 */
@Repository
public class RuleChangeLog {

    private static final TypeReference<List<RuleDiff.Change>> CHANGES = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public RuleChangeLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(RuleChange change) {
        jdbc.update(
                "insert into rule_change (id, changed_at, changed_by, decision_key, decision_name, version,"
                        + " previous_version, decision_definition_id, deployment_id, deployment_name, resource_name,"
                        + " summary, changes, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                change.id(),
                Timestamp.from(change.changedAt().toInstant()),
                change.changedBy(),
                change.decisionKey(),
                change.decisionName(),
                change.version(),
                change.previousVersion(),
                change.decisionDefinitionId(),
                change.deploymentId(),
                change.deploymentName(),
                change.resourceName(),
                shorten(change.summary()),
                write(change.changes()),
                change.reason() == null ? null : shorten(change.reason()));
    }

    /** Records a deleted deployment (same transaction as the deletion, see {@link RuleCommandGuard}). */
    void recordDeletion(DeploymentDeletion deletion) {
        jdbc.update(
                "insert into rule_deployment_deletion (id, deleted_at, deleted_by, deployment_id,"
                        + " deployment_name, deployed_at, decisions, resources, cascade_delete)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                deletion.id(),
                Timestamp.from(deletion.deletedAt().toInstant()),
                deletion.deletedBy(),
                deletion.deploymentId(),
                deletion.deploymentName(),
                deletion.deployedAt() == null
                        ? null
                        : Timestamp.from(deletion.deployedAt().toInstant()),
                shorten(String.join(",", deletion.decisions()), 4000),
                shorten(String.join(",", deletion.resources()), 4000),
                deletion.cascade());
    }

    /** The recorded deployment deletions, newest first. */
    public List<DeploymentDeletion> deletions(int limit) {
        return jdbc.query(
                "select * from rule_deployment_deletion order by deleted_at desc limit ?",
                (rs, row) -> {
                    Timestamp deployedAt = rs.getTimestamp("deployed_at");
                    return new DeploymentDeletion(
                            rs.getObject("id", UUID.class),
                            rs.getTimestamp("deleted_at").toInstant().atOffset(ZoneOffset.UTC),
                            rs.getString("deleted_by"),
                            rs.getString("deployment_id"),
                            rs.getString("deployment_name"),
                            deployedAt == null ? null : deployedAt.toInstant().atOffset(ZoneOffset.UTC),
                            split(rs.getString("decisions")),
                            split(rs.getString("resources")),
                            rs.getBoolean("cascade_delete"));
                },
                limit);
    }

    private static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split(","));
    }

    /** The recorded changes, newest first; {@code decisionKey} null for every decision. */
    public List<RuleChange> list(String decisionKey, int limit) {
        String select = "select * from rule_change";
        if (decisionKey == null) {
            return jdbc.query(
                    select + " order by changed_at desc, decision_key, version desc limit ?", this::map, limit);
        }
        // A version number comes back after an administrator deleted the latest version: newest record first.
        return jdbc.query(
                select + " where decision_key = ? order by version desc, changed_at desc limit ?",
                this::map,
                decisionKey,
                limit);
    }

    private RuleChange map(ResultSet rs, int row) throws SQLException {
        int previous = rs.getInt("previous_version");
        Integer previousVersion = rs.wasNull() ? null : previous;
        return new RuleChange(
                rs.getObject("id", UUID.class),
                rs.getTimestamp("changed_at").toInstant().atOffset(ZoneOffset.UTC),
                rs.getString("changed_by"),
                rs.getString("decision_key"),
                rs.getString("decision_name"),
                rs.getInt("version"),
                previousVersion,
                rs.getString("decision_definition_id"),
                rs.getString("deployment_id"),
                rs.getString("deployment_name"),
                rs.getString("resource_name"),
                rs.getString("summary"),
                read(rs.getString("changes")),
                rs.getString("reason"));
    }

    private String write(List<RuleDiff.Change> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the rule changes as JSON", e);
        }
    }

    private List<RuleDiff.Change> read(String text) {
        try {
            return json.readValue(text, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the recorded rule changes", e);
        }
    }

    private static String shorten(String text) {
        return shorten(text, 1000);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
