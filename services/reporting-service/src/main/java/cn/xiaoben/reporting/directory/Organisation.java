package cn.xiaoben.reporting.directory;

import cn.xiaoben.service.directory.DirectoryReplica;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisation tree from this service's directory replica (kept by the service kit from directory events):
 * townships, their schools, and how many teachers each school has now.
 */
@Component
public class Organisation {

    private final DirectoryReplica directory;

    public Organisation(DirectoryReplica directory) {
        this.directory = directory;
    }

    public Optional<SchoolEntry> school(String schoolId) {
        return directory.schoolDocument(schoolId).map(Organisation::school);
    }

    /**
     * The township, known from its own event or, while that has not arrived yet (directory events of different keys
     * are not ordered), from a school registered under it.
     */
    public Optional<TownshipEntry> township(String townshipId) {
        Document township = directory.collection(DirectoryReplica.TOWNSHIPS).find(Filters.eq("_id", townshipId)).first();
        if (township != null) {
            return Optional.of(new TownshipEntry(townshipId, township.getString("name"),
                    township.getString("districtId")));
        }
        Document anySchool = directory.collection(DirectoryReplica.SCHOOLS)
                .find(Filters.eq("townshipId", townshipId)).first();
        return Optional.ofNullable(anySchool).map(s -> new TownshipEntry(townshipId, null,
                s.getString("districtId")));
    }

    public Map<String, String> townshipNames(String districtId) {
        Map<String, String> names = new HashMap<>();
        directory.collection(DirectoryReplica.TOWNSHIPS).find(Filters.eq("districtId", districtId))
                .forEach(t -> names.put(t.getString("_id"), t.getString("name")));
        return names;
    }

    public List<SchoolEntry> schoolsOfTownship(String districtId, String townshipId) {
        return schools(Filters.and(Filters.eq("districtId", districtId), Filters.eq("townshipId", townshipId)));
    }

    public List<SchoolEntry> schoolsOfDistrict(String districtId) {
        return schools(Filters.eq("districtId", districtId));
    }

    public long teachersOf(String schoolId) {
        return directory.teacherCount(schoolId);
    }

    /** Current teachers per school of {@code schoolIds}. */
    public Map<String, Long> teachersBySchool(Collection<String> schoolIds) {
        Map<String, Long> counts = new HashMap<>();
        directory.collection(DirectoryReplica.TEACHERS).aggregate(List.of(
                        Aggregates.match(Filters.in("schoolId", schoolIds)),
                        Aggregates.group("$schoolId", Accumulators.sum("n", 1))))
                .forEach(g -> counts.put(g.getString("_id"), g.get("n", Number.class).longValue()));
        return counts;
    }

    private List<SchoolEntry> schools(Bson filter) {
        List<SchoolEntry> schools = new ArrayList<>();
        directory.collection(DirectoryReplica.SCHOOLS).find(filter)
                .sort(Sorts.ascending("townshipId", "_id"))
                .forEach(d -> schools.add(school(d)));
        return schools;
    }

    private static SchoolEntry school(Document d) {
        return new SchoolEntry(d.getString("_id"), d.getString("name"), d.getString("townshipId"),
                d.getString("districtId"));
    }
}
