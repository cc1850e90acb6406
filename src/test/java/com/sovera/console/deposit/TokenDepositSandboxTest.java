package com.sovera.console.deposit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.NewAddress;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.api.model.NewUser;
import com.sovera.console.api.model.NewWallet;
import com.sovera.console.chain.Erc681;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deposit addresses issued by the real embedded sandbox, checked and encoded as the console shows them. */
class TokenDepositSandboxTest {

    private static SandboxServer server;
    private static SovxClient client;
    private static String userId;

    @BeforeAll
    static void aCustomerWithAUser() {
        server = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
        client = SovxClient.builder(server.baseUrl()).retryPolicy(RetryPolicy.NONE).build();
        client.credentials().useSession(client.api().login(new LoginRequest(DemoAccount.EMAIL, DemoAccount.PASSWORD))
                .execute());
        client.api().createCustomer(new NewCustomer("ops@tokens.example", "tokens", "Tokens Ltd"), null).execute();
        client.credentials().useOwnerKey(client.api().createCredentials("tokens", null).execute().customerSecret());
        userId = client.api().createUser(new NewUser("individual", "ada@tokens.example", "Ada", "Lovelace",
                "+442071234567", "1985-12-10", "GB"), null).execute().userId();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static DepositAddress address(String currency, String network) {
        String walletId = client.api().createWallet(userId, new NewWallet(currency + " wallet", currency), null)
                .execute().walletId();
        return client.api().createAddress(walletId, new NewAddress(currency.toLowerCase(), network), null).execute();
    }

    @Test
    void aUsdcDepositIsVerifiedAndItsCodeAsksForUsdcOnSepoliaToThatAddress() {
        DepositAddress issued = address("USDC", "ethereum-sepolia");
        DepositCheck.Result result = DepositCheck.verify(issued, client.api());

        assertThat(result.ok()).as(result.failure()).isTrue();
        assertThat(result.passed()).contains("Read back from the server for this wallet",
                "QR code read back: USDC contract, chain 11155111, to this address");
        Erc681.Request scanned = Erc681.parse(QrCode.decode(result.qr().argb(), result.qr().width(),
                result.qr().height()));
        assertThat(scanned.target()).isEqualTo("0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238");
        assertThat(scanned.chainId()).contains(11155111L);
        assertThat(scanned.function()).isEqualTo("transfer");
        assertThat(scanned.parameter("address")).contains(issued.address());
        assertThat(result.heading()).isEqualTo("USDC (ERC-20) on Ethereum Sepolia. Send only USDC on this network.");
    }

    @Test
    void anEthDepositStaysANativePayment() {
        DepositAddress issued = address("ETH", "ethereum-sepolia");
        DepositCheck.Result result = DepositCheck.verify(issued, client.api());

        assertThat(result.ok()).as(result.failure()).isTrue();
        assertThat(QrCode.decode(result.qr().argb(), result.qr().width(), result.qr().height()))
                .isEqualTo("ethereum:" + issued.address() + "@11155111");
        assertThat(result.heading()).isEqualTo("ETH on Ethereum Sepolia. Send only ETH on this network.");
    }
}
