package cn.xiaoben.identity.accounts;

import cn.xiaoben.identity.common.Dates;
import cn.xiaoben.identity.common.DuplicateKeys;
import cn.xiaoben.identity.common.Ids;
import cn.xiaoben.identity.directory.DirectoryAccess;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;

/** Creates accounts for people; only the bureau does, within its district. */
public class AccountService {

    private final AccountStore accounts;
    private final AccountPlacement placement;
    private final PasswordEncoder passwords;
    private final Clock clock;

    public AccountService(AccountStore accounts, AccountPlacement placement, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.placement = placement;
        this.passwords = passwords;
        this.clock = clock;
    }

    public AccountView create(Caller caller, CreateAccountRequest request) {
        String districtId = DirectoryAccess.requireBureauDistrict(caller);
        Role role = Role.valueOf(request.role());
        AccountPlacement.Placement where = placement.resolve(districtId, role, request);
        Account account = new Account(Ids.next("acc"), request.username(), passwords.encode(request.password()),
                request.displayName(), role, where.districtId(), where.townshipId(), where.schoolId(),
                where.teacherId(), true, Dates.now(clock));
        try {
            accounts.insert(account);
        } catch (RuntimeException e) {
            if (DuplicateKeys.is(e)) {
                throw ApiProblem.conflict("username-taken", "The username " + request.username() + " is taken.",
                        "用户名“" + request.username() + "”已被占用。");
            }
            throw e;
        }
        return AccountView.of(account);
    }
}
