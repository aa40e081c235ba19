package dev.precis.web;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The reader's page templates: Pebble with HTML auto-escaping on, so every value a template
 * prints is escaped unless it is explicitly marked {@code raw} — which only the body markup built
 * by {@link ArticleBody} (itself escaped piece by piece) is. Pebble was chosen because it is a
 * maintained, dependency-light engine that escapes by default and compiles templates once.
 */
final class Templates {

    private final PebbleEngine engine;

    Templates() {
        ClasspathLoader loader = new ClasspathLoader(Templates.class.getClassLoader());
        loader.setPrefix("dev/precis/web/templates");
        loader.setSuffix(".peb");
        engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .defaultEscapingStrategy("html")
                .strictVariables(false)
                .newLineTrimming(true)
                .extension(new AbstractExtension() {
                    @Override
                    public Map<String, Function> getFunctions() {
                        return Map.of("when", new Function() {
                            @Override
                            public Object execute(Map<String, Object> args, PebbleTemplate self,
                                                  EvaluationContext context, int lineNumber) {
                                Object v = args.get("0");
                                return When.human(v == null ? null : v.toString());
                            }

                            @Override
                            public List<String> getArgumentNames() {
                                return null;
                            }
                        });
                    }
                })
                .build();
    }

    /** Renders template {@code name} with {@code model}. */
    String render(String name, Map<String, Object> model) {
        PebbleTemplate template = engine.getTemplate(name);
        StringWriter out = new StringWriter(8192);
        try {
            template.evaluate(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
