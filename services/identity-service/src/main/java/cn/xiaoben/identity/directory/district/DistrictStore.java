package cn.xiaoben.identity.directory.district;

import cn.xiaoben.identity.directory.DirectoryCollections;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Clock;
import java.util.Date;

/** The districts (县) this installation serves; in practice one, created at startup. */
public class DistrictStore {

    private final MongoCollection<Document> districts;
    private final Clock clock;

    public DistrictStore(MongoDatabase database, Clock clock) {
        this.districts = database.getCollection(DirectoryCollections.DISTRICTS);
        this.clock = clock;
    }

    /** Creates the district if it does not exist yet (an upsert: safe to run on every start). */
    public void ensure(String districtId, String name) {
        districts.updateOne(Filters.eq("_id", districtId), Updates.combine(
                        Updates.setOnInsert("name", name),
                        Updates.setOnInsert("createdAt", Date.from(clock.instant()))),
                new UpdateOptions().upsert(true));
    }

    public boolean exists(String districtId) {
        return districtId != null && districts.countDocuments(Filters.eq("_id", districtId)) > 0;
    }
}
