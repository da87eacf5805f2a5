package cn.xiaoben.identity.common;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/** Recognises the unique-index violations that mean "this already exists". */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    public static boolean is(RuntimeException e) {
        return e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
