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
	// ruleid: go.open-redirect
	http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusFound)
	// ok: go.open-redirect
	http.Redirect(w, r, "/home", http.StatusFound)
}
