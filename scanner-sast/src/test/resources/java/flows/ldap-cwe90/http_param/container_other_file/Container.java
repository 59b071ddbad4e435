package flows.ldap.http_param.container_other_file;

public class Container {
    public String value;
}
