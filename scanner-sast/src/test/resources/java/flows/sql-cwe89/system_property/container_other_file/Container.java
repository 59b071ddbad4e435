package flows.sql.system_property.container_other_file;

public class Container {
    public String value;
}
