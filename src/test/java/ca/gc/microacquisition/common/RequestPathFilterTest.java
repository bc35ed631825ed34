package ca.gc.microacquisition.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Paths that percent-encode letters, digits or - . _ ~ are refused; other encodings are left alone. */
class RequestPathFilterTest {

    @Test
    void needlessEncodingsAreCaughtInAnyCase() {
        assertThat(RequestPathFilter.hasNeedlessEncoding("/en/%72egister")).isTrue();
        assertThat(RequestPathFilter.hasNeedlessEncoding("/api/%73uppliers")).isTrue();
        assertThat(RequestPathFilter.hasNeedlessEncoding("/api/%53uppliers")).isTrue();
        assertThat(RequestPathFilter.hasNeedlessEncoding("/camunda/api/admin/%73etup/default/user/create"))
                .isTrue();
        assertThat(RequestPathFilter.hasNeedlessEncoding("/api/opportunities/MA%2d2026"))
                .isTrue();
        assertThat(RequestPathFilter.hasNeedlessEncoding("/a%7e")).isTrue();
        assertThat(RequestPathFilter.hasNeedlessEncoding("/a%5F")).isTrue();
        assertThat(RequestPathFilter.hasNeedlessEncoding("/a%30")).isTrue();
    }

    @Test
    void plainPathsAndMeaningfulEncodingsPass() {
        assertThat(RequestPathFilter.hasNeedlessEncoding("/en/register")).isFalse();
        assertThat(RequestPathFilter.hasNeedlessEncoding("/fr/opportunit%C3%A9s"))
                .isFalse();
        assertThat(RequestPathFilter.hasNeedlessEncoding("/a%20b")).isFalse();
        assertThat(RequestPathFilter.hasNeedlessEncoding("/a%40b")).isFalse();
        assertThat(RequestPathFilter.hasNeedlessEncoding("/a%3Fb")).isFalse();
        assertThat(RequestPathFilter.hasNeedlessEncoding(null)).isFalse();
    }
}
