package flows.trust_boundary.http_param.container_other_file;

public class Container {
    public String value;
}
