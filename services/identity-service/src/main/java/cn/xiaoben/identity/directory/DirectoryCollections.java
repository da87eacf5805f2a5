package cn.xiaoben.identity.directory;

/**
 * The directory's MongoDB collections. Those whose documents carry events ({@code outbox}) are listed in
 * {@code xiaoben.messaging.outbox-collections}.
 */
public final class DirectoryCollections {

    public static final String DISTRICTS = "districts";
    public static final String TOWNSHIPS = "townships";
    public static final String SCHOOLS = "schools";
    public static final String SUBJECT_GROUPS = "subject_groups";
    public static final String TEACHERS = "teachers";
    public static final String ACCOUNTS = "accounts";

    private DirectoryCollections() {
    }
}
