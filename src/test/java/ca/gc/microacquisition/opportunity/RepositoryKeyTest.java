package ca.gc.microacquisition.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One repository written several ways is one repository for the contract-splitting history. */
class RepositoryKeyTest {

    @Test
    void caseGitSuffixTrailingSlashesQueryAndFragmentDoNotCount() {
        String key = Opportunity.repositoryKey("https://github.com/gc-demo/widget");
        for (String variant : new String[] {
            "https://GitHub.com/GC-Demo/Widget",
            "https://github.com/gc-demo/widget/",
            "https://github.com/gc-demo/widget.git",
            "https://github.com/gc-demo/widget.GIT/",
            "https://github.com/gc-demo/widget//",
            "https://github.com/gc-demo/widget/.git",
            " https://github.com/gc-demo/widget?tab=readme ",
            "https://github.com/gc-demo/widget#readme"
        }) {
            assertThat(Opportunity.repositoryKey(variant)).as(variant).isEqualTo(key);
        }
        assertThat(Opportunity.repositoryKey("https://github.com/gc-demo/widgets"))
                .isNotEqualTo(key);
    }
}
