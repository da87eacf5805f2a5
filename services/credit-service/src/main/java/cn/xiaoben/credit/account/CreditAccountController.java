package cn.xiaoben.credit.account;

import cn.xiaoben.service.tenancy.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CreditAccountController {

    private final CreditAccounts accounts;

    CreditAccountController(CreditAccounts accounts) {
        this.accounts = accounts;
    }

    /** A teacher's hours by school year and category, with every ledger entry naming its source. */
    @GetMapping("/api/credits/teachers/{teacherId}")
    CreditAccountView account(Caller caller, @PathVariable String teacherId,
                              @RequestParam(required = false) String year) {
        return accounts.of(caller, teacherId, year);
    }
}
