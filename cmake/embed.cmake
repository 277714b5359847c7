# hallyu_embed(target_name input output namespace symbol)
# Turns a file into a C++ source defining `std::string_view namespace::symbol()`, so the binary
# carries its bundled data and web assets and works without the source tree.
function(hallyu_embed name input output ns symbol)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${output} -DNAMESPACE=${ns} -DSYMBOL=${symbol}
            -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_file.cmake
    DEPENDS ${input} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_file.cmake
    COMMENT "Embedding ${input}"
    VERBATIM)
endfunction()
