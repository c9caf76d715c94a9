package io.kubeboot.gateway.table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Every {@link ResourcePrinter}, by resource name; resources without one print Name and Age. */
@Component
class TablePrinters {

  private final Map<String, ResourcePrinter> byResource = new HashMap<>();
  private final ResourcePrinter fallback = new DefaultPrinter();

  TablePrinters(List<ResourcePrinter> printers) {
    for (ResourcePrinter printer : printers) {
      for (String resource : printer.resources()) {
        ResourcePrinter previous = byResource.put(resource, printer);
        if (previous != null && previous != printer) {
          throw new IllegalStateException("two printers for " + resource + ": " + previous + ", " + printer);
        }
      }
    }
  }

  ResourcePrinter forResource(String resource) {
    return resource == null ? fallback : byResource.getOrDefault(resource, fallback);
  }
}
