package flows.header_cookie.http_param.abstract_dispatch;

import java.io.*;
import java.net.*;
import java.sql.*;
import java.util.*;
import javax.crypto.*;
import javax.crypto.spec.*;
import javax.naming.directory.*;
import javax.servlet.http.*;
import javax.xml.xpath.*;

public abstract class Handler {
    public abstract void action(String data, HttpServletRequest request, HttpServletResponse response) throws Exception;
}
