package db.migration;

import ca.gc.microacquisition.adapters.notification.outbox.OneTimeSecrets;
import ca.gc.microacquisition.payment.PaymentToken;
import ca.gc.microacquisition.process.SensitiveHistoryEventHandler;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Purges what earlier versions stored readable (Java, so the Luhn check and the masking rule are the service's own
 * and the same SQL runs on H2 and PostgreSQL):
 * <ul>
 *   <li>{@code funds_commitment}: a payment method holding a card number is replaced by its mask ({@code …4242}),
 *       which is not a token: the next charge is declined and finance gives the card's token in "Resolve payment";
 *       card numbers typed into the financial coding are masked;</li>
 *   <li>{@code payment}: card numbers in the stored method, reference or message are masked;</li>
 *   <li>the engine's {@code ACT_HI_VARINST}, {@code ACT_HI_DETAIL} and {@code ACT_RU_VARIABLE}: the value of every
 *       {@code paymentMethod} variable or form field is replaced by its mask, and card numbers in any other string
 *       value are masked (number variables are data, e.g. a draw's seed, and are left alone) (skipped when the engine has not created its tables yet: a new database);</li>
 *   <li>{@code notification_outbox}: one-time secrets in stored bodies are hidden.</li>
 * </ul>
 */
public class V46__Hide_card_numbers_and_one_time_secrets extends BaseJavaMigration {

    static final List<String> SENSITIVE_NAMES = List.of("paymentMethod");

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        fundsCommitments(c);
        maskColumns(c, "payment", "id", List.of("payment_method", "provider_reference", "message"));
        maskColumns(c, "notification_outbox", "id", List.of("body"), OneTimeSecrets::redact);
        engineVariables(c, "ACT_HI_VARINST", "VAR_TYPE_");
        engineVariables(c, "ACT_HI_DETAIL", "VAR_TYPE_");
        engineVariables(c, "ACT_RU_VARIABLE", "TYPE_");
    }

    private static void fundsCommitments(Connection c) throws SQLException {
        List<Object[]> changes = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                        "select opportunity_id, payment_method, financial_coding from funds_commitment");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String method = rs.getString(2);
                String coding = rs.getString(3);
                String newMethod = PaymentToken.containsCardNumber(method) ? PaymentToken.mask(method) : method;
                String newCoding = PaymentToken.maskCardNumbers(coding);
                if (!Objects.equals(method, newMethod) || !Objects.equals(coding, newCoding)) {
                    changes.add(new Object[] {newMethod, newCoding, rs.getObject(1)});
                }
            }
        }
        update(
                c,
                "update funds_commitment set payment_method = ?, financial_coding = ? where opportunity_id = ?",
                changes);
    }

    private static void maskColumns(Connection c, String table, String id, List<String> columns) throws SQLException {
        maskColumns(c, table, id, columns, PaymentToken::maskCardNumbers);
    }

    private static void maskColumns(
            Connection c, String table, String id, List<String> columns, java.util.function.UnaryOperator<String> rule)
            throws SQLException {
        for (String column : columns) {
            List<Object[]> changes = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                            "select " + id + ", " + column + " from " + table + " where " + column + " is not null");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String value = rs.getString(2);
                    String masked = rule.apply(value);
                    if (!value.equals(masked)) {
                        changes.add(new Object[] {masked, rs.getObject(1)});
                    }
                }
            }
            update(c, "update " + table + " set " + column + " = ? where " + id + " = ?", changes);
        }
    }

    private static void engineVariables(Connection c, String table, String typeColumn) throws SQLException {
        if (!exists(c, table)) {
            return;
        }
        List<Object[]> sensitive = new ArrayList<>();
        List<Object[]> texts = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                        "select ID_, NAME_, TEXT_, TEXT2_, LONG_, " + typeColumn + " from " + table);
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(2);
                String text = rs.getString(3);
                String text2 = rs.getString(4);
                long number = rs.getLong(5);
                boolean hasNumber = !rs.wasNull();
                String type = rs.getString(6);
                if (SENSITIVE_NAMES.contains(name)) {
                    String shown = text != null ? text : hasNumber ? Long.toString(number) : null;
                    sensitive.add(new Object[] {shown == null ? null : PaymentToken.mask(shown), rs.getString(1)});
                } else if (!SensitiveHistoryEventHandler.PROCESS_DIGITS.contains(name)
                        && (type == null || "string".equals(type))) {
                    // text only (form fields have no type): numbers such as a draw's seed are data
                    String newText = PaymentToken.maskCardNumbers(text);
                    String newText2 = PaymentToken.maskCardNumbers(text2);
                    if (!Objects.equals(text, newText) || !Objects.equals(text2, newText2)) {
                        texts.add(new Object[] {newText, newText2, rs.getString(1)});
                    }
                }
            }
        }
        update(
                c,
                "update " + table + " set " + typeColumn + " = case when " + typeColumn
                        + " is null then null else 'string' end, TEXT_ = ?, TEXT2_ = null, LONG_ = null,"
                        + " DOUBLE_ = null where ID_ = ? and BYTEARRAY_ID_ is null",
                sensitive);
        update(c, "update " + table + " set TEXT_ = ?, TEXT2_ = ? where ID_ = ?", texts);
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String name : List.of(table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
            try (ResultSet rs = meta.getTables(c.getCatalog(), null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void update(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (row[i] == null) {
                        update.setNull(i + 1, java.sql.Types.VARCHAR);
                    } else if (row[i] instanceof String text) {
                        update.setString(i + 1, text);
                    } else {
                        update.setObject(i + 1, row[i]);
                    }
                }
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
