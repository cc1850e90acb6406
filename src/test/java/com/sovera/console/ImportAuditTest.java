package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.audit.AuditVerifier;
import com.sovera.console.platform.AppDirs;
import com.sovera.console.policy.Policy;
import com.sovera.console.sandbox.DemoAccount;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --import} records its writes in the desk's audit trail, and makes none it could not record. */
class ImportAuditTest {

    private static final String FILE = "user_type,email,first_name,last_name,phone,date_of_birth,country,wallets\n"
            + "individual,audit@example.com,Ada,Lovelace,+442071234567,1985-12-10,GB,BTC\n";

    @TempDir
    Path home;

    @Test
    void theImportsWritesAreInTheTrailNamingTheCommandAndTheCustomer() throws Exception {
        Path file = Files.writeString(home.resolve("users.csv"), FILE);
        int exit = run(AppDirs.under(home), file);
        assertThat(exit).isZero();
        Path trail;
        try (var files = Files.list(home.resolve("logs"))) {
            trail = files.filter(f -> f.getFileName().toString().matches("audit-.+-\\d{4}-\\d{2}\\.jsonl"))
                    .findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(trail);
        assertThat(lines).extracting(l -> l.replaceFirst(".*\"action\":\"([^\"]+)\".*\"outcome\":\"([^\"]+)\".*",
                "$1 $2")).containsExactly("user.create created", "wallet.create created", "address.create created");
        assertThat(lines).allSatisfy(l -> assertThat(l)
                .contains("\"operator\":\"--import for customer " + DemoAccount.CUSTOMER_ID + "\"")
                .contains("\"environment\":\"embedded\""));
        assertThat(AuditVerifier.verify(trail).intact()).isTrue();
    }

    @Test
    void theImportKeepsTheTrailWhereThePolicySaysBesideTheConsoles() throws Exception {
        Path file = Files.writeString(home.resolve("users.csv"), FILE);
        Path share = home.resolve("audit-share");
        int exit = run(AppDirs.under(home), file, Policy.builder().auditDirectory(share.toString()).build());
        assertThat(exit).isZero();
        Path trail;
        try (var files = Files.list(share)) {
            trail = files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
        assertThat(Files.readAllLines(trail)).hasSize(3);
        assertThat(AuditVerifier.verify(trail).intact()).isTrue();
        assertThat(home.resolve("logs").resolve(trail.getFileName())).as("not in the logs directory").doesNotExist();
    }

    @Test
    void aTrailThatCannotBeWrittenStopsTheImportBeforeAnyCall() throws Exception {
        Path file = Files.writeString(home.resolve("users.csv"), FILE);
        Path logs = Files.writeString(home.resolve("logs"), "a file where the logs directory should be");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ImportCommand.run(new String[] {"--import", file.toString(), "--customer", DemoAccount.CUSTOMER_ID},
                new ImportCommand.Io(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()),
                new AppDirs(home.resolve("data"), home.resolve("config"), logs), Policy.NONE);
        assertThat(exit).isEqualTo(ImportCommand.CANNOT_RUN);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("audit trail cannot be written")
                .contains(logs.toString());
        assertThat(home.resolve("data")).as("not even the sandbox was opened").doesNotExist();
    }

    private static int run(AppDirs dirs, Path file) {
        return run(dirs, file, Policy.NONE);
    }

    private static int run(AppDirs dirs, Path file, Policy policy) {
        return ImportCommand.run(new String[] {"--import", file.toString(), "--customer", DemoAccount.CUSTOMER_ID},
                new ImportCommand.Io(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(new ByteArrayOutputStream()), Map.of()), dirs, policy);
    }
}
