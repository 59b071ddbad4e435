package flows.sql.file.container_other_file;

public class Container {
    public String value;
}
