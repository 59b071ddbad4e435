class UsersController < ApplicationController
  def show
    # ruleid: rb.unsafe-deserialization
    prefs = Marshal.load(Base64.decode64(cookies[:prefs]))
    # ok: rb.unsafe-deserialization
    same = JSON.parse(Base64.decode64(cookies[:prefs]))
  end
end
