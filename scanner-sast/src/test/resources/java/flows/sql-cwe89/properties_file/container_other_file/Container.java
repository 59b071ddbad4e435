package flows.sql.properties_file.container_other_file;

public class Container {
    public String value;
}
