package app

import (
	"crypto/md5"
	"crypto/sha256"
	"crypto/des"
	"crypto/aes"
	"crypto/tls"
	"database/sql"
	"fmt"
	"html/template"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
)

var _ = []interface{}{md5.New, sha256.New, des.NewCipher, aes.NewCipher, tls.Client, sql.Open, fmt.Sprint, template.New, os.Open, exec.Command, filepath.Base, strconv.Atoi}

func handle(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	name := r.URL.Query().Get("name")
	// ruleid: go.xss-response
	fmt.Fprintf(w, "<h1>Hello %s</h1>", name)
	// ok: go.xss-response
	fmt.Fprintf(w, "<h1>Hello %s</h1>", template.HTMLEscapeString(name))
}
