package ca.gc.microacquisition.testsupport;

import ca.gc.microacquisition.procurement.ProcurementEvents;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the events the domain raises. */
public class RecordingProcurementEvents implements ProcurementEvents {

    public record Event(String name, String reference, UUID id, String actor) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void proposalSubmitted(String reference, UUID proposalId, String actor) {
        events.add(new Event("ProposalSubmitted", reference, proposalId, actor));
    }

    @Override
    public void questionAsked(String reference, UUID questionId, String actor) {
        events.add(new Event("QuestionAsked", reference, questionId, actor));
    }

    @Override
    public void workDelivered(String reference, UUID deliveryId, String actor) {
        events.add(new Event("WorkDelivered", reference, deliveryId, actor));
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<Event> about(String reference) {
        return events.stream().filter(e -> e.reference().equals(reference)).toList();
    }
}
