package cn.xiaoben.identity.accounts;

import cn.xiaoben.identity.common.Dates;
import cn.xiaoben.identity.directory.DirectoryCollections;
import cn.xiaoben.service.tenancy.Role;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.util.Locale;
import java.util.Optional;

/** Accounts in MongoDB; usernames are unique regardless of case. */
public class AccountStore {

    private final MongoCollection<Document> accounts;

    public AccountStore(MongoDatabase database) {
        this.accounts = database.getCollection(DirectoryCollections.ACCOUNTS);
        accounts.createIndex(Indexes.ascending("usernameKey"), new IndexOptions().unique(true));
    }

    /** Inserts the account; a taken username fails with a duplicate-key write error. */
    public void insert(Account account) {
        accounts.insertOne(new Document("_id", account.id())
                .append("username", account.username())
                .append("usernameKey", key(account.username()))
                .append("passwordHash", account.passwordHash())
                .append("displayName", account.displayName())
                .append("role", account.role().name())
                .append("districtId", account.districtId())
                .append("townshipId", account.townshipId())
                .append("schoolId", account.schoolId())
                .append("teacherId", account.teacherId())
                .append("enabled", account.enabled())
                .append("createdAt", Dates.toDate(account.createdAt())));
    }

    public Optional<Account> byUsername(String username) {
        return Optional.ofNullable(accounts.find(Filters.eq("usernameKey", key(username))).first())
                .map(AccountStore::account);
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private static Account account(Document d) {
        return new Account(d.getString("_id"), d.getString("username"), d.getString("passwordHash"),
                d.getString("displayName"), Role.valueOf(d.getString("role")), d.getString("districtId"),
                d.getString("townshipId"), d.getString("schoolId"), d.getString("teacherId"),
                d.getBoolean("enabled", true), Dates.toInstant(d.getDate("createdAt")));
    }
}
