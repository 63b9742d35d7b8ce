package com.vibotaj.tracehub.platform.internal.web;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Our code is null-marked: a record component is never null unless annotated {@code @Nullable}. The
 * OpenAPI schema says the same (required, or optional and nullable), so the generated TypeScript types
 * are exact instead of making every field optional.
 */
@Component
class RequiredRecordComponents implements ModelConverter {

    private static final String REF_PREFIX = "#/components/schemas/";

    @Override
    public @Nullable Schema<?> resolve(
            AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        Class<?> raw = rawClass(type.getType());
        if (schema == null || raw == null || !raw.isRecord()) {
            return schema;
        }
        Schema<?> model = schema;
        if (schema.get$ref() != null && schema.get$ref().startsWith(REF_PREFIX)) {
            model = context.getDefinedModels().get(schema.get$ref().substring(REF_PREFIX.length()));
        }
        if (model == null || model.getProperties() == null) {
            return schema;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class)
                    || component.isAnnotationPresent(Nullable.class);
            String name = component.getName();
            Schema<?> property = model.getProperties().get(name);
            if (property == null) {
                continue;
            }
            if (nullable) {
                // Optional in requests, and present-but-null in responses: "?: T | null" in TypeScript.
                if (property.getTypes() != null && !property.getTypes().contains("null")) {
                    property.addType("null");
                }
            } else if (model.getRequired() == null || !model.getRequired().contains(name)) {
                model.addRequiredItem(name);
            }
        }
        return schema;
    }

    private static @Nullable Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof JavaType javaType) {
            return javaType.getRawClass();
        }
        return null;
    }
}
