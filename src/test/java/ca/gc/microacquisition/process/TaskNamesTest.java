package ca.gc.microacquisition.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Task names say the procurement: reference and title after the step's name, within what the engine stores. */
class TaskNamesTest {

    @Test
    void theNameSaysTheReferenceAndTitle() {
        assertThat(TaskNamesEnginePlugin.nameOf("Attest in-house capacity", "MA-2026-0001", "Add a French translation"))
                .isEqualTo("Attest in-house capacity — MA-2026-0001: Add a French translation");
        assertThat(TaskNamesEnginePlugin.nameOf("Accept work (FAA s.34)", "MA-2026-0002", null))
                .isEqualTo("Accept work (FAA s.34) — MA-2026-0002");
    }

    @Test
    void withoutAReferenceTheNameStaysAsModelled() {
        assertThat(TaskNamesEnginePlugin.nameOf("Commit funds (FAA s.32)", null, "A title"))
                .isEqualTo("Commit funds (FAA s.32)");
    }

    @Test
    void aLongTitleIsShortenedToWhatTheEngineStores() {
        String name = TaskNamesEnginePlugin.nameOf("Evaluate proposals", "MA-2026-0003", "x".repeat(400));
        assertThat(name)
                .hasSize(TaskNamesEnginePlugin.MAX_NAME)
                .startsWith("Evaluate proposals — MA-2026-0003: xxx")
                .endsWith("…");
    }
}
