package io.kubeboot.gateway.table;

import io.fabric8.kubernetes.api.model.TableColumnDefinition;

/**
 * One Table column. Priority 0 columns always print; priority 1 only with {@code -o wide}. The
 * server always fills every column, kubectl chooses.
 */
record Column(String name, String type, String format, String description, int priority) {

  static Column objectName() {
    return new Column("Name", "string", "name",
        "Name must be unique within a namespace. Is required when creating resources.", 0);
  }

  static Column age() {
    return string("Age", "CreationTimestamp is a timestamp representing the server time when this object was created.");
  }

  static Column string(String name, String description) {
    return new Column(name, "string", "", description, 0);
  }

  static Column integer(String name, String description) {
    return new Column(name, "integer", "", description, 0);
  }

  static Column containers() {
    return string("Containers", "Names of each container in the template.").wide();
  }

  static Column images() {
    return string("Images", "Images referenced by each container in the template.").wide();
  }

  static Column selector() {
    return string("Selector", "A label query over the objects this one manages.").wide();
  }

  Column wide() {
    return new Column(name, type, format, description, 1);
  }

  Column ofType(String newType) {
    return new Column(name, newType, format, description, priority);
  }

  TableColumnDefinition definition() {
    TableColumnDefinition definition = new TableColumnDefinition();
    definition.setName(name);
    definition.setType(type);
    definition.setFormat(format);
    definition.setDescription(description);
    definition.setPriority(priority);
    return definition;
  }
}
