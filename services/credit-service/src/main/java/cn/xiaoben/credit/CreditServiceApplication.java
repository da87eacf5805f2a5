package cn.xiaoben.credit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Turns activity facts into credit hours (学时) in an append-only ledger, by the bureau's rules. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CreditServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CreditServiceApplication.class, args);
    }
}
