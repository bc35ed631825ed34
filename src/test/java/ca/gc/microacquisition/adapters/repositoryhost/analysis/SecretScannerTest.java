package ca.gc.microacquisition.adapters.repositoryhost.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.repositoryhost.Finding;
import ca.gc.microacquisition.repositoryhost.Finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretScannerTest {

    @Test
    void findsEachKindOfSecretWithoutRepeatingIt() {
        String text = String.join(
                "\n",
                "-----BEGIN OPENSSH PRIVATE KEY-----",
                "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
                "GITHUB_TOKEN=ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij",
                "token: github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456",
                "SLACK=xoxp-1234567890-abcdefghij",
                "hook: https://hooks.slack.com/services/T0001/B0002/abcdefXYZ",
                "spring.datasource.password = \"s3cret-value\"",
                "nothing here");

        List<Finding> findings = SecretScanner.scan("conf.txt", text);

        assertThat(findings)
                .extracting(Finding::ruleId, Finding::severity, Finding::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("private-key", Severity.CRITICAL, 1),
                        org.assertj.core.groups.Tuple.tuple("aws-access-key-id", Severity.CRITICAL, 2),
                        org.assertj.core.groups.Tuple.tuple("github-token", Severity.CRITICAL, 3),
                        org.assertj.core.groups.Tuple.tuple("github-token", Severity.CRITICAL, 4),
                        org.assertj.core.groups.Tuple.tuple("slack-token", Severity.CRITICAL, 5),
                        org.assertj.core.groups.Tuple.tuple("slack-webhook", Severity.CRITICAL, 6),
                        org.assertj.core.groups.Tuple.tuple("password-assignment", Severity.HIGH, 7));
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.tool()).isEqualTo("secret-scan");
            assertThat(f.path()).isEqualTo("conf.txt");
            assertThat(f.message()).doesNotContain("AKIA", "ghp_", "xox", "s3cret");
        });
    }

    @Test
    void ignoresPlaceholdersAndLookalikes() {
        String text = String.join(
                "\n",
                "password = \"${DB_PASSWORD}\"",
                "password = \"\"",
                "password: \"<your password>\"",
                "if (password == \"admin\") {}",
                "-----BEGIN PUBLIC KEY-----",
                "id = AKIA1234",
                "ghp_short");

        assertThat(SecretScanner.scan("a.txt", text)).isEmpty();
    }
}
