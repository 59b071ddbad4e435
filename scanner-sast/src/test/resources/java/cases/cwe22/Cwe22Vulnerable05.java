package org.owasp.benchmark.testcode;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

@WebServlet(value = "/cases/Cwe22Vulnerable05")
public class Cwe22Vulnerable05 extends HttpServlet {

    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = "";
        java.util.Map<String, String[]> map = request.getParameterMap();
        if (map != null) {
            String[] values = map.get("p");
            if (values != null) param = values[0];
        }
        int num = 196;
        String bar = (7 * 42) - num > 200 ? "This_should_always_happen" : param;
        String fileName = org.owasp.benchmark.helpers.Utils.TESTFILES_DIR + bar;
        java.io.FileInputStream fis = new java.io.FileInputStream(fileName);
        fis.close();
    }

}
