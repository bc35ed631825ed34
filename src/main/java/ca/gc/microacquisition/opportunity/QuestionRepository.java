package ca.gc.microacquisition.opportunity;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface QuestionRepository extends JpaRepository<Question, UUID> {

    List<Question> findByOpportunityIdOrderByAskedAt(UUID opportunityId);

    List<Question> findByOpportunityIdAndAnswerIsNotNullOrderByAskedAt(UUID opportunityId);
}
