package cn.xiaoben.identity.security;

import cn.xiaoben.identity.authserver.claims.RoleScopes;
import cn.xiaoben.identity.bootstrap.ClientBootstrap;
import cn.xiaoben.identity.support.IdentityTestBase;
import cn.xiaoben.identity.support.Jwts;
import cn.xiaoben.identity.support.SignIn;
import cn.xiaoben.service.tenancy.Role;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A person's token carries their role's scopes, even when the sign-in asked for {@code openid} only. */
class RoleScopesTest extends IdentityTestBase {

    @Autowired
    MongoDatabase database;

    @Autowired
    ClientBootstrap clientBootstrap;

    @Test
    void theTableIsTheOneTheCanvasShows() {
        assertThat(RoleScopes.of(Role.TEACHER)).containsExactly("activity:read", "activity:write", "credit:read",
                "credit:write", "directory:read", "evaluation:read", "evaluation:write", "openid", "profile",
                "report:read");
        assertThat(RoleScopes.of(Role.SCHOOL_ADMIN)).containsAll(RoleScopes.of(Role.TEACHER))
                .contains("directory:write").doesNotContain("directory:admin", "credit:admin");
        assertThat(RoleScopes.of(Role.BUREAU_ADMIN)).contains("directory:admin", "credit:admin", "directory:write");
        assertThat(RoleScopes.of(Role.SCHOOL_SYSTEM)).isEmpty();
    }

    @Test
    void aSchoolAdminAskingForOpenidOnlyGetsTheScopesOfTheRole() {
        String bureau = bureauToken();
        SchoolSetup setup = newSchool(bureau);
        String username = account(bureau, "SCHOOL_ADMIN", setup.schoolId(), null);

        JsonNode tokens = new SignIn(port).tokens(username, PASSWORD, "openid");

        assertThat(scopes(tokens.get("access_token").asString())).isEqualTo(RoleScopes.of(Role.SCHOOL_ADMIN));
        assertThat(List.of(tokens.get("scope").asString().split(" ")))
                .containsExactlyInAnyOrderElementsOf(RoleScopes.of(Role.SCHOOL_ADMIN));
        assertThat(tokens.has("id_token")).isTrue();
    }

    @Test
    void aTeacherAskingForTheBureausScopesGetsATeachersToken() {
        String bureau = bureauToken();
        SchoolSetup setup = newSchool(bureau);
        String teacherId = registerTeacher(setup.token(), setup.schoolId(), "何老师", null, Map.of())
                .json().get("id").asString();
        String username = account(bureau, "TEACHER", setup.schoolId(), teacherId);

        JsonNode tokens = new SignIn(port).tokens(username, PASSWORD, "openid directory:admin credit:admin");

        assertThat(scopes(tokens.get("access_token").asString())).isEqualTo(RoleScopes.of(Role.TEACHER))
                .doesNotContain("directory:admin", "credit:admin", "directory:write");
    }

    @Test
    void aBureauAdministratorGetsTheBureausScopes() {
        String bureau = bureauToken();
        String username = account(bureau, "BUREAU_ADMIN", null, null);

        JsonNode tokens = new SignIn(port).tokens(username, PASSWORD, "openid");

        assertThat(scopes(tokens.get("access_token").asString())).isEqualTo(RoleScopes.of(Role.BUREAU_ADMIN))
                .contains("credit:admin", "directory:admin");
    }

    @Test
    void aSchoolSystemRegisteredBeforeTheChangeGetsTheCurrentScopesAndLifetimeOnTheNextStart() {
        SchoolSetup setup = newSchool(bureauToken());
        database.getCollection("schools").updateOne(Filters.eq("_id", setup.schoolId()), Updates.combine(
                Updates.set("client.scopes", List.of("activity:read")),
                Updates.set("client.accessTokenTtlSeconds", 3600)));
        assertThat(scopes(schoolToken(setup.school()))).as("as stored before the change").containsExactly(
                "activity:read");

        clientBootstrap.schoolClients();

        String token = schoolToken(setup.school());
        assertThat(scopes(token)).contains("credit:write", "activity:write");
        assertThat(Jwts.claims(token).get("exp").asLong() - Jwts.claims(token).get("iat").asLong()).isEqualTo(900);
    }

    private static List<String> scopes(String jwt) {
        return List.of(Jwts.claims(jwt).get("scope").asString().split(" "));
    }
}
