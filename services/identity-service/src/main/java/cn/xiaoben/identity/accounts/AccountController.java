package cn.xiaoben.identity.accounts;

import cn.xiaoben.service.tenancy.Caller;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
public class AccountController {

    private final AccountService accounts;

    public AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/directory/accounts")
    public ResponseEntity<AccountView> create(Caller caller, @Valid @RequestBody CreateAccountRequest request) {
        AccountView account = accounts.create(caller, request);
        return ResponseEntity.created(URI.create("/api/directory/accounts/" + account.id())).body(account);
    }
}
