package flows.redirect.http_param.interface_dispatch;

import java.io.*;
import java.net.*;
import java.sql.*;
import java.util.*;
import javax.crypto.*;
import javax.crypto.spec.*;
import javax.naming.directory.*;
import javax.servlet.http.*;
import javax.xml.xpath.*;

public interface Handler {
    void action(String data, HttpServletRequest request, HttpServletResponse response) throws Exception;
}
