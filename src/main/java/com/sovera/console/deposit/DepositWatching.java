package com.sovera.console.deposit;

import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.NewDeposit;
import com.sovera.console.api.model.Transaction;
import com.sovera.console.ui.task.JobGroup;
import com.sovera.console.ui.task.Scheduler;
import com.sovera.console.ui.task.TaskRunner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What an address panel needs to wait for deposits (a {@link DepositWatch} of its own, over the client of the
 * screen it is on) and, on the embedded sandbox only, to simulate one for training. Toolkit-free.
 */
public final class DepositWatching {

    private final Supplier<SovxClient> client;
    private final TaskRunner runner;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Supplier<JobGroup> session;
    private final boolean training;
    private final boolean lookupsOnly;

    /**
     * @param training true on the embedded sandbox alone: only there is <em>Simulate a deposit…</em> offered
     */
    public DepositWatching(Supplier<SovxClient> client, TaskRunner runner, Scheduler scheduler, Clock clock,
                           Supplier<JobGroup> session, boolean training) {
        this(client, runner, scheduler, clock, session, training, false);
    }

    /**
     * @param lookupsOnly the administrator set this desk for lookups: a deposit is watched, never simulated
     */
    public DepositWatching(Supplier<SovxClient> client, TaskRunner runner, Scheduler scheduler, Clock clock,
                           Supplier<JobGroup> session, boolean training, boolean lookupsOnly) {
        this.lookupsOnly = lookupsOnly;
        this.client = client;
        this.runner = runner;
        this.scheduler = scheduler;
        this.clock = clock;
        this.session = session;
        this.training = training;
    }

    /** A watch for one panel. */
    public DepositWatch newWatch() {
        return new DepositWatch(client, runner, scheduler, clock, session);
    }

    /** True where deposits may be simulated: the embedded sandbox, never another environment. */
    public boolean offersSimulation() {
        return training;
    }

    /**
     * Why <em>Simulate a deposit…</em> is offered disabled (a lookups desk), or null where it may run or is not
     * offered at all.
     */
    public String simulationRefusal() {
        return lookupsOnly && training ? com.sovera.console.policy.Policy.LOOKUPS_ONLY : null;
    }

    /**
     * Simulates {@code times} deposits of {@code amount} to the address (sandbox only), each with an idempotency
     * key of its own; {@code done} gets a sentence for the operator, success or not.
     */
    public void simulate(DepositAddress address, String amount, int times, Consumer<String> done) {
        if (!training) {
            throw new IllegalStateException("deposits are simulated on the embedded sandbox only");
        }
        if (lookupsOnly) {
            done.accept(com.sovera.console.policy.Policy.LOOKUPS_ONLY + ": nothing was simulated.");
            return;
        }
        String problem = AmountRequest.problem(amount, address.currency());
        if (problem != null || amount == null || amount.isBlank()) {
            done.accept(problem == null ? "Enter an amount to simulate." : problem);
            return;
        }
        SovxClient calls = client.get().withOwnerKeyAsNow();
        String sent = com.sovera.console.api.model.Rules.strip(amount);
        session.get().run(runner, job -> {
            List<Transaction> made = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                made.add(job.execute(calls.api().simulateDeposit(new NewDeposit(address.address(), sent),
                        UUID.randomUUID().toString())));
            }
            return made;
        }, made -> done.accept("Simulated " + (made.size() == 1 ? "a deposit" : made.size() + " deposits") + " of "
                + sent + " " + address.currency() + ". It completes as the sandbox mines blocks."),
                failure -> done.accept("Could not simulate the deposit: " + failure.getMessage()));
    }
}
