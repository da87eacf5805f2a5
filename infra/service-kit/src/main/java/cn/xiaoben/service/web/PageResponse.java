package cn.xiaoben.service.web;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, where it is, and how many there are in all. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    /** Page {@code page} (from 0) of the documents matching {@code filter} in {@code sort} order, as views. */
    public static <T> PageResponse<T> query(MongoCollection<Document> collection, Bson filter, Bson sort, int page,
                                            int size, Function<Document, T> view) {
        long total = collection.countDocuments(filter);
        List<T> items = new ArrayList<>();
        collection.find(filter).sort(sort).skip(page * size).limit(size).forEach(d -> items.add(view.apply(d)));
        return new PageResponse<>(items, page, size, total);
    }
}
