package com.sovera.console.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.Customer;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.session.Sessions;
import com.sovera.console.ui.task.SameThreadTaskRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Customers screen's rules: the account's customers by the server's filters, counts, and the actions asked. */
class CustomersViewModelTest {

    private SandboxServer sandbox;
    private SovxClient session;
    private SovxClient lookups;

    @BeforeEach
    void open() {
        sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(40));
        session = SovxClient.builder(sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE).build();
        session.credentials().useSession(session.api().login(new LoginRequest(DemoAccount.EMAIL,
                DemoAccount.PASSWORD)).execute());
        lookups = session.derive();
        for (String id : List.of("north-bank", "south-bank", "east-trading")) {
            session.api().createCustomer(new NewCustomer("ops@" + id + ".example", id, id.replace('-', ' ')), null)
                    .execute();
        }
    }

    @AfterEach
    void close() {
        session.close();
        sandbox.close();
    }

    @Test
    void theAccountsCustomersAreFilteredByTheServerAndTheSelectedOnesActionsAreAsked() {
        CustomersViewModel model = new CustomersViewModel(Sessions.calls(session, lookups, new SameThreadTaskRunner()));
        List<CustomersViewModel.Request> asked = new ArrayList<>();
        model.setOnAction(asked::add);
        model.reload();
        assertThat(model.list().rows()).extracting(Customer::customerId)
                .contains(DemoAccount.CUSTOMER_ID, "north-bank", "south-bank", "east-trading");

        model.idContains.set("bank");
        model.apply();
        assertThat(model.list().rows()).extracting(Customer::customerId)
                .containsExactlyInAnyOrder("north-bank", "south-bank");

        model.selected.set(model.list().rows().get(0));
        assertThat(model.countsProperty().get()).startsWith("Users and wallets: look this customer up");
        model.mintKey();
        model.lookUp();
        assertThat(asked).extracting(CustomersViewModel.Request::action)
                .containsExactly(CustomersViewModel.Action.MINT_KEY, CustomersViewModel.Action.LOOK_UP);
    }

    @Test
    void aLookupsDeskLooksACustomerUpButAsksForNoMint() {
        CustomersViewModel model = new CustomersViewModel(Sessions.calls(session, lookups, new SameThreadTaskRunner()));
        model.setLookupsOnly(true);
        List<CustomersViewModel.Request> asked = new ArrayList<>();
        model.setOnAction(asked::add);
        model.reload();
        model.selected.set(model.list().rows().get(0));
        assertThat(model.lookupsOnlyProperty().get()).isTrue();
        model.mintKey();
        model.lookUp();
        assertThat(asked).extracting(CustomersViewModel.Request::action)
                .containsExactly(CustomersViewModel.Action.LOOK_UP);
    }

    @Test
    void whenTheLookupsHoldItsKeyTheSelectedCustomerShowsItsCounts() {
        lookups.credentials().useOwnerKey(sandbox.demo().ownerKey());
        CustomersViewModel model = new CustomersViewModel(Sessions.calls(session, lookups, new SameThreadTaskRunner()));
        model.keyedCustomer(DemoAccount.CUSTOMER_ID);
        model.idContains.set(DemoAccount.CUSTOMER_ID);
        model.apply();
        model.selected.set(model.list().rows().get(0));
        assertThat(model.countsProperty().get()).matches("40 users, \\d+ wallets");
    }
}
