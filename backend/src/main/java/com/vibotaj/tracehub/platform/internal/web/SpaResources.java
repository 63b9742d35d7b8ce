package com.vibotaj.tracehub.platform.internal.web;

import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the built web client: content-hashed files under {@code /assets} are cached for a year;
 * every other non-API path that is not a file answers {@code index.html} with {@code no-cache}, so deep
 * links work and a new release is picked up at once. API-like paths never fall back, so an unknown
 * {@code /api/...} route is a problem+json 404, not an HTML page.
 */
@Configuration(proxyBeanMethods = false)
class SpaResources implements WebMvcConfigurer {

    private static final String STATIC = "classpath:/static/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(STATIC + "assets/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/**")
                .addResourceLocations(STATIC)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(false)
                .addResolver(new IndexFallbackResolver());
    }

    static final class IndexFallbackResolver extends PathResourceResolver {

        @Override
        protected @Nullable Resource getResource(String resourcePath, Resource location) throws IOException {
            if (isServerPath(resourcePath)) {
                return null;
            }
            Resource requested = location.createRelative(resourcePath);
            if (requested.isReadable() && !resourcePath.isEmpty()) {
                return requested;
            }
            if (lastSegment(resourcePath).contains(".")) {
                return null; // a missing file is a 404, not the app
            }
            Resource index = new ClassPathResource("static/index.html");
            return index.isReadable() ? index : null;
        }

        static boolean isServerPath(String path) {
            return path.startsWith("api/")
                    || path.equals("api")
                    || path.startsWith("actuator")
                    || path.startsWith("v3/")
                    || path.startsWith("swagger-ui")
                    || path.startsWith("assets/");
        }

        private static String lastSegment(String path) {
            int slash = path.lastIndexOf('/');
            return slash < 0 ? path : path.substring(slash + 1);
        }
    }
}
