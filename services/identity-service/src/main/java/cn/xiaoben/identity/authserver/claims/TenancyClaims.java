package cn.xiaoben.identity.authserver.claims;

import java.util.List;

/** The tenancy claims a token carries; null ids are left out of the token. */
public record TenancyClaims(String districtId, String townshipId, String schoolId, String teacherId,
                            List<String> roles, String displayName) {
}
