package com.ctera.client.bulk;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.ctera.client.users.NewUser;
import com.ctera.client.users.UserRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading user CSV files: header mapping, every row checked, problems named by line. */
class UserCsvReaderTest {

    @Test
    void readsUsersByTheirUsualHeadersInAnyCaseAndOrder() {
        String csv = """
                Email,User Name,First Name,LAST_NAME,password,role,require-password-change
                jane@example.com,jane,Jane,Doe,S3cret!pass,ReadWriteAdmin,yes

                john@example.com,john,John,Roe,An0ther!pass,,
                """;
        List<NewUser> users = UserCsvReader.standard().read(new StringReader(csv), "users.csv");
        assertThat(users).extracting(NewUser::name).containsExactly("jane", "john");
        assertThat(users.get(0).role()).isEqualTo(UserRole.READ_WRITE_ADMIN);
        assertThat(users.get(0).requirePasswordChange()).isTrue();
        assertThat(users.get(1).role()).isEqualTo(UserRole.END_USER);
        assertThat(users.get(1).lastName()).isEqualTo("Roe");
    }

    @Test
    void aCallersMappingNamesOtherHeaders() {
        String csv = "Login,Mail,Given,Family,Secret\nann,ann@example.com,Ann,Lee,Pa55word!x\n";
        List<NewUser> users = UserCsvReader.withHeaders(Map.of("login", UserCsvColumn.NAME, "Given",
                UserCsvColumn.FIRST_NAME, "family", UserCsvColumn.LAST_NAME, "SECRET", UserCsvColumn.PASSWORD))
            .read(new StringReader(csv), "mapped.csv");
        assertThat(users).singleElement().satisfies(user -> {
            assertThat(user.name()).isEqualTo("ann");
            assertThat(user.email()).isEqualTo("ann@example.com");
            assertThat(user.lastName()).isEqualTo("Lee");
        });
    }

    @Test
    void everyBadRowIsNamedByItsLineAndNoPasswordIsShown() {
        String csv = """
                name,email,first_name,last_name,password,role
                good,good@example.com,Good,Row,G00d!pass,EndUser
                bad email,not-an-email,Bad,Row,Hidden!pass1,EndUser

                nofirst,nofirst@example.com,,Row,Hidden!pass2,
                good,again@example.com,Dup,Row,Hidden!pass3,EndUser
                "quoted",q@example.com,Q,"Multi
                Line",Hidden!pass4,Wizard
                short,short@example.com
                """;
        UserCsvException error = catchThrowableOfType(UserCsvException.class,
                () -> UserCsvReader.standard().read(new StringReader(csv), "people.csv"));
        assertThat(error.problems()).extracting(CsvProblem::line).containsExactly(3L, 3L, 5L, 6L, 7L, 9L);
        assertThat(error.problems().get(0).message()).contains("'bad email' contains a space");
        assertThat(error.problems().get(1).message()).contains("'not-an-email' is not an e-mail address");
        assertThat(error.problems().get(2)).hasToString(
                "line 5, column 'first_name': is empty; first_name is required");
        assertThat(error.problems().get(3).message()).isEqualTo(
                "user 'good' is already on line 2; each user may appear once");
        assertThat(error.problems().get(4).message()).startsWith("unknown role 'Wizard'; roles are [Disabled, EndUser");
        assertThat(error.problems().get(5).message()).isEqualTo("has 2 values but the header has 6");
        assertThat(error).hasMessageStartingWith("user CSV people.csv has 6 problems; nothing was sent:");
        assertThat(error.getMessage()).doesNotContain("Hidden!pass");
    }

    @Test
    void aBadHeaderIsReportedOnLineOne() {
        String csv = "name,email,first,phone\nx,x@example.com,X,123\n";
        UserCsvException error = catchThrowableOfType(UserCsvException.class,
                () -> UserCsvReader.standard().read(new StringReader(csv), "h.csv"));
        assertThat(error.problems()).extracting(CsvProblem::toString).containsExactly(
                "line 1, column 'phone': unknown column; known columns are [name, email, first_name, last_name, "
                        + "password, role, company, comment, require_password_change]",
                "line 1: the header has no column for last_name, which is required; required columns are name, "
                        + "email, first_name, last_name, password",
                "line 1: the header has no column for password, which is required; required columns are name, "
                        + "email, first_name, last_name, password");
    }
}
