package com.sovera.console.api;

import com.sovera.console.api.model.Page;
import com.sovera.console.api.model.Required;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.EOFException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Reads answers in either shape: the envelope {@code {success, data, meta}} or the bare object the guide shows
 * for health and login. Lists become a {@link Page} with {@code meta.pagination}. A body that is HTML, cut off,
 * broken or of the wrong shape becomes a {@link BodyProblem} of the matching kind.
 */
final class EnvelopeConverterFactory extends Converter.Factory {

    private final Moshi moshi;

    EnvelopeConverterFactory(Moshi moshi) {
        this.moshi = moshi;
    }

    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
        if (type instanceof ParameterizedType p && p.getRawType() == Page.class) {
            Type row = p.getActualTypeArguments()[0];
            JsonAdapter<List<Object>> rows = moshi.adapter(Types.newParameterizedType(List.class, row));
            return body -> toPage(read(body), rows);
        }
        JsonAdapter<Object> adapter = moshi.adapter(type);
        return body -> toValue(read(body), adapter);
    }

    /** Reads the whole body as a JSON tree, sorting out what is not JSON at all. */
    static Object read(ResponseBody body) throws IOException {
        try (body) {
            MediaType type = body.contentType();
            if (type != null && type.subtype().contains("html")) {
                throw new BodyProblem(TransportException.Kind.NOT_JSON, "an HTML page", null);
            }
            var source = body.source();
            if (source.request(1) && source.getBuffer().getByte(0) == '<') {
                throw new BodyProblem(TransportException.Kind.NOT_JSON, "markup, not JSON", null);
            }
            try {
                JsonReader reader = JsonReader.of(source);
                Object value = reader.readJsonValue();
                if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                    throw new BodyProblem(TransportException.Kind.MALFORMED_BODY, "text after the JSON value", null);
                }
                return value;
            } catch (EOFException | JsonEncodingException | JsonDataException e) {
                // The reader may have left bytes it peeked in the buffer: the body ended if no more can come.
                boolean bodyEnded = !source.request(source.getBuffer().size() + 1);
                if (e instanceof EOFException && !bodyEnded) {
                    throw e; // the transport failed, not the JSON
                }
                String detail = String.valueOf(e.getMessage());
                boolean endsEarly = e instanceof EOFException || detail.startsWith("Unterminated")
                        || detail.startsWith("End of input");
                if (endsEarly && bodyEnded) {
                    throw new BodyProblem(TransportException.Kind.TRUNCATED_BODY, "the JSON ends early", e);
                }
                throw new BodyProblem(TransportException.Kind.MALFORMED_BODY, detail, e);
            }
        }
    }

    /** The envelope's data when the value is an envelope, else the value itself. */
    static Object unwrap(Object value) {
        if (value instanceof Map<?, ?> map && map.get("success") instanceof Boolean success) {
            if (!success) {
                throw new BodyProblem(TransportException.Kind.UNEXPECTED_SHAPE,
                        "an error envelope with a success status", null);
            }
            if (map.containsKey("data")) {
                return map.get("data");
            }
        }
        return value;
    }

    private static Object toValue(Object json, JsonAdapter<Object> adapter) {
        Object data = unwrap(json);
        Object value;
        try {
            value = adapter.fromJsonValue(data);
        } catch (JsonDataException | IllegalArgumentException e) {
            throw new BodyProblem(TransportException.Kind.UNEXPECTED_SHAPE, e.getMessage(), e);
        }
        if (value == null) {
            throw new BodyProblem(TransportException.Kind.UNEXPECTED_SHAPE, "no data", null);
        }
        checkRequired(value);
        return value;
    }

    private static Page<Object> toPage(Object json, JsonAdapter<List<Object>> adapter) {
        Object data = unwrap(json);
        List<Object> rows;
        try {
            rows = adapter.fromJsonValue(data);
        } catch (JsonDataException | IllegalArgumentException e) {
            throw new BodyProblem(TransportException.Kind.UNEXPECTED_SHAPE, e.getMessage(), e);
        }
        if (rows == null) {
            throw new BodyProblem(TransportException.Kind.UNEXPECTED_SHAPE, "no list of rows", null);
        }
        rows.forEach(EnvelopeConverterFactory::checkRequired);
        Map<?, ?> pagination = json instanceof Map<?, ?> envelope && envelope.get("meta") instanceof Map<?, ?> meta
                && meta.get("pagination") instanceof Map<?, ?> p ? p : Map.of();
        return new Page<>(rows, asLong(pagination.get("total")), asInt(pagination.get("limit")),
                asInt(pagination.get("skip")), Boolean.TRUE.equals(pagination.get("total_estimated")));
    }

    /** The required components of each record type, with their accessors, looked up once per type. */
    private static final ClassValue<List<RecordComponent>> REQUIRED = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return List.of();
            }
            List<RecordComponent> required = new java.util.ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.isAnnotationPresent(Required.class)) {
                    component.getAccessor().setAccessible(true);
                    required.add(component);
                }
            }
            return List.copyOf(required);
        }
    };

    private static void checkRequired(Object value) {
        if (value == null) {
            throw new BodyProblem(TransportException.Kind.UNEXPECTED_SHAPE, "a null row", null);
        }
        for (RecordComponent component : REQUIRED.get(value.getClass())) {
            Object field;
            try {
                field = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (field == null) {
                throw new BodyProblem(TransportException.Kind.UNEXPECTED_SHAPE, "no " + jsonName(component), null);
            }
        }
    }

    private static String jsonName(RecordComponent component) {
        com.squareup.moshi.Json json = component.getAnnotation(com.squareup.moshi.Json.class);
        return json != null ? json.name() : component.getName();
    }

    private static Long asLong(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }

    private static Integer asInt(Object o) {
        return o instanceof Number n ? n.intValue() : null;
    }
}
