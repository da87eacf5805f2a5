package cn.xiaoben.identity.accounts;

import cn.xiaoben.identity.directory.school.SchoolDirectory;
import cn.xiaoben.identity.directory.teacher.TeacherStore;
import cn.xiaoben.identity.directory.township.TownshipService;
import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class AccountsConfiguration {

    @Bean
    AccountStore accountStore(MongoDatabase database) {
        return new AccountStore(database);
    }

    @Bean
    AccountPlacement accountPlacement(TownshipService townships, SchoolDirectory schools, TeacherStore teachers) {
        return new AccountPlacement(townships, schools, teachers);
    }

    @Bean
    AccountService accountService(AccountStore accounts, AccountPlacement placement, PasswordEncoder passwords,
                                  Clock clock) {
        return new AccountService(accounts, placement, passwords, clock);
    }
}
