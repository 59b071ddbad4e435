package flows.path_absolute.http_param.container_other_file;

public class Container {
    public String value;
}
