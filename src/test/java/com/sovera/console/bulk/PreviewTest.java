package com.sovera.console.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The preview model: each row's errors by the wizard's rules, repeats, wallets, fixes in place, the export. */
class PreviewTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 12);

    @Test
    void eachRowSaysWhatIsWrongInWhichColumn() throws Exception {
        Preview preview = preview(true, """
                user_type,email,first_name,last_name,phone,date_of_birth,country,wallets
                individual,ada@example.com,Ada,Lovelace,+442071234567,1985-12-10,GB,BTC
                robot,not-an-email,,Lovelace,12345,2030-01-01,XX,BTC
                business,co@example.com,Co,Ltd,+12025550100,1999-02-30,US,
                """);
        assertThat(preview.row(1).isValid()).isTrue();
        PreviewRow bad = preview.row(2);
        assertThat(bad.errors()).extracting(RowError::column).containsExactly(Column.USER_TYPE, Column.EMAIL,
                Column.FIRST_NAME, Column.PHONE, Column.DATE_OF_BIRTH, Column.COUNTRY);
        assertThat(bad.error(Column.PHONE)).contains("E.164");
        assertThat(bad.error(Column.DATE_OF_BIRTH)).isEqualTo("A date in the past, after 1900.");
        assertThat(preview.row(3).error(Column.DATE_OF_BIRTH)).isEqualTo("Not a real date.");
        assertThat(preview.counts()).isEqualTo(new Preview.Counts(3, 1, 2, 0, 1));
    }

    @Test
    void theWalletsListIsCheckedAgainstWhatIsOfferedAndTheEnvironment() throws Exception {
        String rows = """
                user_type,email,first_name,last_name,phone,date_of_birth,country,wallets
                individual,a1@example.com,A,B,+12025550101,1990-01-01,US,DOGE
                individual,a2@example.com,A,B,+12025550102,1990-01-01,US,USDC:solana
                individual,a3@example.com,A,B,+12025550103,1990-01-01,US,BTC:ethereum-sepolia
                individual,a4@example.com,A,B,+12025550104,1990-01-01,US,btc;ETH:ethereum-sepolia;BTC:bitcoin-testnet
                individual,a5@example.com,A,B,+12025550105,1990-01-01,US,BTC:bitcoin
                individual,a6@example.com,A,B,+12025550106,1990-01-01,US,btc; usdc:Ethereum-Sepolia ;
                """;
        Preview sandbox = preview(true, rows);
        assertThat(sandbox.row(1).error(Column.WALLETS)).isEqualTo("Unknown currency 'DOGE': BTC, ETH or USDC.");
        assertThat(sandbox.row(2).error(Column.WALLETS))
                .isEqualTo("Unknown network 'solana' for USDC: ethereum or ethereum-sepolia.");
        assertThat(sandbox.row(3).error(Column.WALLETS))
                .isEqualTo("BTC is not offered on ethereum-sepolia: bitcoin or bitcoin-testnet.");
        assertThat(sandbox.row(4).error(Column.WALLETS)).isEqualTo("BTC is listed twice: one wallet per currency.");
        assertThat(sandbox.row(5).error(Column.WALLETS)).startsWith("bitcoin is a main network");
        assertThat(sandbox.row(6).isValid()).isTrue();
        assertThat(sandbox.plan().rows()).singleElement().satisfies(r -> assertThat(r.wallets())
                .extracting(WalletRequest::toString).containsExactly("BTC:bitcoin-testnet", "USDC:ethereum-sepolia"));

        Preview production = preview(false, rows);
        assertThat(production.row(5).isValid()).as("a main network is fine outside a sandbox").isTrue();
        assertThat(production.row(6).error(Column.WALLETS)).isEqualTo(
                "BTC names no network: outside a sandbox write it with one, such as BTC:bitcoin.");
    }

    @Test
    void anEmailRepeatedLaterInAnyCaseIsAnErrorOnTheLaterRowAndAFixClearsIt() throws Exception {
        Preview preview = preview(true, """
                user_type,email,first_name,last_name,phone,date_of_birth,country,wallets
                individual,Ada@Example.com,Ada,Lovelace,+442071234567,1985-12-10,GB,BTC
                individual,grace@example.com,Grace,Hopper,+12025550100,1960-12-09,US,ETH
                individual,ada@EXAMPLE.com,Ada,Byron,+442071234568,1985-12-11,GB,BTC
                """);
        assertThat(preview.row(1).isValid()).isTrue();
        assertThat(preview.row(3).error(Column.EMAIL)).isEqualTo("Repeats the e-mail of row 1: one row per user.");

        List<List<PreviewRow>> told = new ArrayList<>();
        preview.addListener(told::add);
        preview.edit(3, Column.EMAIL, " ada.byron@example.com ");
        assertThat(preview.row(3).isValid()).isTrue();
        assertThat(preview.row(3).cell(Column.EMAIL)).isEqualTo("ada.byron@example.com");
        assertThat(told).singleElement().satisfies(rows -> assertThat(rows).extracting(PreviewRow::number)
                .containsExactly(3));

        // the first row takes the second's e-mail: now the second row is the repeat
        preview.edit(1, Column.EMAIL, "GRACE@example.com");
        assertThat(preview.row(1).isValid()).isTrue();
        assertThat(preview.row(2).error(Column.EMAIL)).isEqualTo("Repeats the e-mail of row 1: one row per user.");
        assertThat(told.get(1)).extracting(PreviewRow::number).containsExactly(1, 2);
    }

    @Test
    void existingUsersAreMarkedAndThePlanIsASnapshot() throws Exception {
        Preview preview = preview(true, """
                user_type,email,first_name,last_name,phone,date_of_birth,country,wallets
                individual,ada@example.com,Ada,Lovelace,+442071234567,1985-12-10,gb,BTC
                Business,co@example.com,Co,Ltd,+12025550100,1999-02-03,US,
                """);
        preview.markExisting(java.util.Map.of("ADA@example.com", "user-1"));
        assertThat(preview.row(1).existingUserId()).isEqualTo("user-1");
        Plan plan = preview.plan();
        preview.edit(2, Column.EMAIL, "broken");
        assertThat(plan.rows()).hasSize(2);
        assertThat(plan.rows().get(0).existingUserId()).isEqualTo("user-1");
        assertThat(plan.rows().get(0).user().country()).isEqualTo("GB");
        assertThat(plan.rows().get(1).user().userType()).isEqualTo("business");
        assertThat(preview.plan().refused()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(2);
            assertThat(r.error()).startsWith("email: An e-mail address");
        });
    }

    @Test
    void anotherCustomersMarksAreDroppedAndTheRowsThatHadOneAreTold() throws Exception {
        Preview preview = preview(true, """
                user_type,email,first_name,last_name,phone,date_of_birth,country,wallets
                individual,ada@example.com,Ada,Lovelace,+442071234567,1985-12-10,GB,BTC
                business,co@example.com,Co,Ltd,+12025550100,1999-02-03,US,
                """);
        preview.markExisting(java.util.Map.of("ada@example.com", "user-1"));
        List<List<PreviewRow>> told = new ArrayList<>();
        preview.addListener(told::add);
        preview.forgetExisting();
        assertThat(preview.row(1).isExisting()).isFalse();
        assertThat(preview.counts().existing()).isZero();
        assertThat(preview.plan().rows().get(0).existingUserId()).isNull();
        assertThat(told).singleElement().satisfies(rows -> assertThat(rows).extracting(PreviewRow::number)
                .containsExactly(1));
    }

    @Test
    void errorsExportAsCsvOneLinePerErrorWithFormulasNeutralised() throws Exception {
        Preview preview = preview(true, """
                user_type,email,first_name,last_name,phone,date_of_birth,country,wallets
                individual,"=HYPERLINK(""http://x"")",Ada,Lovelace,+442071234567,1985-12-10,GB,DOGE
                """);
        StringWriter out = new StringWriter();
        preview.writeErrors(out);
        assertThat(out.toString()).isEqualTo("row,line,column,value,error\r\n"
                + "1,2,email,\"'=HYPERLINK(\"\"http://x\"\")\",An e-mail address such as name@example.com.\r\n"
                + "1,2,wallets,DOGE,\"Unknown currency 'DOGE': BTC, ETH or USDC.\"\r\n");
    }

    private static Preview preview(boolean sandbox, String csv) throws SheetException {
        return Preview.of(SheetReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "u.csv"),
                sandbox, TODAY);
    }
}
