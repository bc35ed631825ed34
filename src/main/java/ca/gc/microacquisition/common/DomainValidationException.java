package ca.gc.microacquisition.common;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks a business rule; carries every problem found, so a person can fix them all at once. */
public class DomainValidationException extends RuntimeException {

    private final List<FieldProblem> problems;

    public DomainValidationException(String subject, List<FieldProblem> problems) {
        super(summary(subject, problems));
        this.problems = List.copyOf(problems);
    }

    public DomainValidationException(String field, String message) {
        this("The input", List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> getProblems() {
        return problems;
    }

    /** E.g. "The request has 2 problems: estimatedValue: must be more than $0.00; proposalDeadline: ...". */
    static String summary(String subject, List<FieldProblem> problems) {
        String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return subject + " has " + count + ": "
                + problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; "));
    }
}
